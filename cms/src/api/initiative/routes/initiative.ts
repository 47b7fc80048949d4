import { factories } from '@strapi/strapi';
import { publishedReadRoutes } from '../../../content-api/published-read';

export default factories.createCoreRouter('api::initiative.initiative', publishedReadRoutes('api::initiative.initiative'));
