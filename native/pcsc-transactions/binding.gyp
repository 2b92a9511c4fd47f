# Plain C over Node-API (ABI-stable: the same build loads in Node and in Electron),
# linked against the OS's own PC/SC: pcsc-lite on Linux, PCSC.framework on macOS,
# WinSCard on Windows. No dependency beyond node-gyp, which npm carries.
{
  'targets': [
    {
      'target_name': 'pcsc_transactions',
      'sources': ['src/pcsc_transactions.c'],
      'conditions': [
        ['OS=="linux"', {
          'cflags': ['-Wall', '-Wextra', '-Wno-unused-parameter'],
          'include_dirs': ['/usr/include/PCSC'],
          'libraries': ['-lpcsclite'],
        }],
        ['OS=="mac"', {
          'libraries': ['-framework', 'PCSC'],
        }],
        ['OS=="win"', {
          'libraries': ['-lWinSCard'],
        }],
      ],
    },
  ],
}
