'use strict';
// The built addon; node-gyp puts it here on `npm install` (see binding.gyp).
module.exports = require('./build/Release/pcsc_transactions.node');
