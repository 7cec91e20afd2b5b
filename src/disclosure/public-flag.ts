/**
 * True in the bundle that `npm run build:public` makes (`vite build --mode public`): the page then
 * runs read-only from the disclosure-controlled aggregates in `data/<id>/` (README "Public build").
 */
// `import.meta.env` exists under Vite and Vitest only (undefined when Node runs this file through tsx).
export const IS_PUBLIC_BUILD: boolean = import.meta.env?.MODE === 'public';
