export default ({ env }) => ({
  // `http` logs every request; tests and tools run quieter with LOG_LEVEL=warn.
  level: env('LOG_LEVEL', 'http'),
});
