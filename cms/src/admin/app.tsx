import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Editors work in Swedish; English stays available in each user's profile.
    locales: ['sv'],
  },
  bootstrap(_app: StrapiApp) {},
};
