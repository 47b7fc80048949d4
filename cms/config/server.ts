export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('CMS_PORT', env.int('PORT', 1337)),
  url: env('PUBLIC_URL', ''),
  app: { keys: env.array('APP_KEYS') },
  // The machine may be offline; start-up must not phone home for updates.
  logger: { updates: { enabled: false }, startup: { enabled: true } },
});
