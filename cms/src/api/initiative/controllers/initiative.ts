import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::initiative.initiative');
