// The embedded database needs a free port before the domain exists, so the function lives in
// database/free-port.ts (the bottom layer); tests and benches keep importing it from here.
export { freePort } from '../database/free-port.js';
