import { factories } from '@strapi/strapi';
import { publishedReadRoutes } from '../../../content-api/published-read';

export default factories.createCoreRouter('api::lesson.lesson', publishedReadRoutes('api::lesson.lesson'));
