import { contractSuite } from './contract.suite';
import { direct } from './harness';

contractSuite('core directly', direct);
