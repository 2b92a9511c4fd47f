# Plain C over Node-API (ABI-stable: the same build loads in Node and in Electron). Only Windows
# compiles the source; on Linux and macOS the target is empty and index.js is never required.
{
  'targets': [
    {
      'target_name': 'windows_machine',
      'conditions': [
        ['OS=="win"', {
          'sources': ['src/windows_machine.c'],
          'libraries': ['-lshell32', '-lole32', '-ladvapi32'],
        }],
      ],
    },
  ],
}
