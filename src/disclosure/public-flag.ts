/**
 * True in the bundle that `npm run build:public` makes (`vite build --mode public`): the page then
 * runs read-only from the disclosure-controlled aggregates in `data/<id>/` (README "Public build").
 */
export const IS_PUBLIC_BUILD: boolean = import.meta.env.MODE === 'public';
