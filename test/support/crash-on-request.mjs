// Preloaded into a `vigil serve` process by test/crash.db.test.ts (NODE_OPTIONS=--import): a request
// to /api/v1/test-crash/throw makes the process throw an exception nothing catches, and one to
// /api/v1/test-crash/reject a promise rejection nothing handles, 50 ms later, so the request's own
// log line is still waiting in the logger's buffer when the process dies.
import http from 'node:http';

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  if (event === 'request' && req.url === '/api/v1/test-crash/throw') setTimeout(() => { throw new Error('Simulated crash: the disk caught fire'); }, 50);
  if (event === 'request' && req.url === '/api/v1/test-crash/reject') setTimeout(() => { void Promise.reject(new Error('Simulated rejection: nobody was listening')); }, 50);
  return emit.call(this, event, req, ...rest);
};
