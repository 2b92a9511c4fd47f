/** The support report names no member of staff: the home folder (with the user name in it) becomes `~`. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutUserName } from '../../electron/support/private-paths';

describe('paths in the support report', () => {
  it('writes the home folder as ~ on Windows, whatever the case, and leaves other folders alone', () => {
    const home = 'C:\\Users\\jan.peeters';
    expect(withoutUserName('C:\\Users\\jan.peeters\\AppData\\Roaming\\UiTPAS Balie\\logs\\support.log', home, 'win32')).toBe('~\\AppData\\Roaming\\UiTPAS Balie\\logs\\support.log');
    expect(withoutUserName('c:\\users\\JAN.PEETERS\\AppData\\x.log', home, 'win32')).toBe('~\\AppData\\x.log');
    expect(withoutUserName(home, home, 'win32')).toBe('~');
    expect(withoutUserName('C:\\ProgramData\\UiTPAS Balie\\policy.json', home, 'win32')).toBe('C:\\ProgramData\\UiTPAS Balie\\policy.json');
    // A colleague whose name starts the same is not the home folder.
    expect(withoutUserName('C:\\Users\\jan.peeters2\\x.log', home, 'win32')).toBe('C:\\Users\\jan.peeters2\\x.log');
  });

  it('on macOS and Linux: case counts, the machine-wide folders stay as they are', () => {
    const home = '/home/an.devos';
    expect(withoutUserName('/home/an.devos/.config/UiTPAS Balie/logs/support.log', home, 'linux')).toBe('~/.config/UiTPAS Balie/logs/support.log');
    expect(withoutUserName('/home/AN.DEVOS/x', home, 'linux')).toBe('/home/AN.DEVOS/x');
    expect(withoutUserName('/etc/uitpas-balie/policy.json', home, 'linux')).toBe('/etc/uitpas-balie/policy.json');
    expect(withoutUserName('/Users/an/Library/Logs/UiTPAS Balie/support.log', '/Users/an', 'darwin')).toBe('~/Library/Logs/UiTPAS Balie/support.log');
    // A home that is the root (a service account) hides nothing rather than everything.
    expect(withoutUserName('/var/log/balie.log', '/', 'linux')).toBe('/var/log/balie.log');
  });

  it('uses this machine’s home folder by default', () => {
    expect(withoutUserName(join(homedir(), 'logs', 'support.log'))).toBe(join('~', 'logs', 'support.log'));
  });
});
