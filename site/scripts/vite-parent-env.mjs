/**
 * What a parent running under Vite (vitest) exports to its children, and an Astro child must not
 * inherit: Vite's import.meta.env names, which Astro inlines into a build (DEV=1 would turn every
 * page into a fresh load of the bank), and VITEST, under which Astro 7's dev server serves no page.
 */
export const VITE_PARENT_ENV = ['DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL', 'VITEST'];
