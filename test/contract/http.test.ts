import { contractSuite } from './contract.suite';
import { overHttp } from './harness';

contractSuite('over HTTP', overHttp);
