import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { refusal } from '../../../platform/errors.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../../platform/http/endpoint-route.js';
import type { AuthService } from '../auth.service.js';
import type { TwoFactorService } from './two-factor.service.js';

/** The caller's second factor: the login's second step, enrolment, recovery codes, turning it off. */
export function registerTwoFactorRoutes(app: FastifyInstance, twoFactor: TwoFactorService, auth: AuthService, loginRatePerMinute: number) {
  serveEndpoint(
    app,
    API.verifySecondFactor,
    async (request) => {
      const actor = actorOf(request);
      if (!request.session) throw refusal('BAD_REQUEST', 'two_factor.session_only', 'the second factor completes a browser login');
      await twoFactor.verify(actor, request.session.idHash, request.body.code);
      return auth.me(actor, request.session.csrfToken);
    },
    { config: { rateLimit: { max: loginRatePerMinute, timeWindow: 60_000 } } },
  );
  serveEndpoint(app, API.getTwoFactor, async (request) => twoFactor.status(actorOf(request)));
  serveEndpoint(app, API.startTwoFactorEnrolment, async (request) => twoFactor.startEnrolment(actorOf(request)));
  serveEndpoint(app, API.confirmTwoFactorEnrolment, async (request) => ({
    recoveryCodes: await twoFactor.confirmEnrolment(actorOf(request), request.body.code, request.session?.idHash),
  }));
  serveEndpoint(app, API.regenerateRecoveryCodes, async (request) => ({
    recoveryCodes: await twoFactor.regenerateRecoveryCodes(actorOf(request), request.body.password),
  }));
  serveEndpoint(app, API.disableTwoFactor, async (request) => twoFactor.disable(actorOf(request), request.body.password));
}
