// The policy is read from front matter by the pack loader (content/ackPolicy.ts says where it lives
// and why); who must confirm by when is onboarding's (onboarding/confirmations.ts), since the
// dashboard counts overdue confirmations as "behind" and may not import this folder.
export { ACK_FIELD, readAckPolicy, type PolicyRead } from '../content/ackPolicy.js';
export { appliesTo, policyOf } from '../content/articlePolicy.js';
export { ACK_GRACE_DAYS, personalDue } from '../onboarding/confirmations.js';
