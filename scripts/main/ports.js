// @ts-check
/** Fixed ports the main job listens on, checked before anything starts. */
const net = require('node:net');

/** @param {number} port */
async function portFree(port) {
  return await new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Refuses a port in use, naming the setting that moves it. @param {string} name @param {number} port @param {string} envVar */
async function requirePort(name, port, envVar) {
  if (!(await portFree(port))) {
    throw new Error(`Port ${port} (${name}) is in use: stop what runs there, or set ${envVar} to another port.`);
  }
}

module.exports = { portFree, requirePort };
