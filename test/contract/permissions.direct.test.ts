import { directTransport, permissionScenario } from './permissions.scenario';

permissionScenario('core directly, as over IPC', directTransport);
