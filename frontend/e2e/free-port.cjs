// Prints a free TCP port on 127.0.0.1: the e2e stack's, chosen by playwright.config.ts
// or by with-stack.sh (make test) before the stack starts.
const s = require('net').createServer().listen(0, '127.0.0.1', () => {
  console.log(s.address().port);
  s.close();
});
