import type { APIRoute } from 'astro';
import { citationPaths, citationResponse } from '../../../lib/cite';

/** BibTeX, RIS and CSL-JSON for the page above, as static files (see lib/citation/). */
export const getStaticPaths = () => citationPaths('initiative');
export const GET: APIRoute = ({ params, site }) => citationResponse('initiative', params.slug!, params.format!, site!);
