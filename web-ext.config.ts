import { defineWebExtConfig } from 'wxt';

// `wxt dev` would try to open a browser; on our headless machines there is none to open. `npm start` runs the
// offline demo instead (tests/demo/demo.ts).
export default defineWebExtConfig({ disabled: true });
