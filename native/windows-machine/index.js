'use strict';
// The built addon; node-gyp puts it here on `npm install` (see binding.gyp). Windows only.
module.exports = require('./build/Release/windows_machine.node');
