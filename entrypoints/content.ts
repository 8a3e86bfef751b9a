export default defineContentScript({ matches: ['*://*.example.invalid/*'], main() {} });
