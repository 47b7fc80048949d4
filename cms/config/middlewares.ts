export default ({ env }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // Only the configured origins (the site and the admin) may call the CMS from a browser.
      origin: env.array('CORS_ORIGINS', ['http://localhost:4321', `http://localhost:${env('CMS_PORT', '1337')}`]),
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: { formidable: { maxFileSize: env.int('UPLOAD_MAX_BYTES', 20 * 1024 * 1024) } },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
