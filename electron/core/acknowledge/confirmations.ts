// Counted on the dashboard, so kept with onboarding (see policy.ts).
export { confirmationsOf, type PolicyConfirmation } from '../onboarding/confirmations.js';
