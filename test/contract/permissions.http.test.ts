import { httpTransport, permissionScenario } from './permissions.scenario';

permissionScenario('over HTTP, browser mode', httpTransport);
