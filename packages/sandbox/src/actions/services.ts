import type { ActionHandler } from './context';

/** Returns a pre-serialised body marker: the handler sends `raw` as is. */
export const services: ActionHandler = ({ panel }) => ({ raw: panel.servicesBody() });
