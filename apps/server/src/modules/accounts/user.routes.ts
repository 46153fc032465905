import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { serveListExport } from '../../platform/tabular/list-export.js';
import { userExport } from './user.export.js';
import type { UserService } from './user.service.js';

/** Account administration. */
export function registerUserRoutes(app: FastifyInstance, users: UserService) {
  serveEndpoint(app, API.listUsers, async (request) => users.list(actorOf(request), request.query));
  serveListExport(app, API.exportUsers, userExport(users));
  serveEndpoint(app, API.createUser, async (request) => users.create(actorOf(request), request.body));
  serveEndpoint(app, API.getUser, async (request) => users.get(actorOf(request), request.params.id));
  serveEndpoint(app, API.updateUser, async (request) => users.update(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.disableUser, async (request) => users.setStatus(actorOf(request), request.params.id, 'disabled'));
  serveEndpoint(app, API.enableUser, async (request) => users.setStatus(actorOf(request), request.params.id, 'active'));
  serveEndpoint(app, API.unlockUser, async (request) => users.unlock(actorOf(request), request.params.id));
  serveEndpoint(app, API.resetUserTwoFactor, async (request) => users.resetTwoFactor(actorOf(request), request.params.id));
  serveEndpoint(app, API.changeUserRole, async (request) => users.changeRole(actorOf(request), request.params.id, request.body));
  serveEndpoint(app, API.resetUserPassword, async (request) => users.resetPassword(actorOf(request), request.params.id));
}
