import { API } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/auth-hook.js';
import { serveEndpoint } from '../../platform/http/endpoint-route.js';
import { serveListExport } from '../../platform/tabular/list-export.js';
import type { ApplicationService } from './application.service.js';
import type { CaseService } from './case.service.js';
import type { ConflictDeclarationService } from './conflict-declaration.service.js';
import type { ObjectionService } from './objection.service.js';
import type { ReviewService } from './review.service.js';
import { roundExport } from './round.export.js';
import type { RoundService } from './round.service.js';
import type { ScoreService } from './score.service.js';

interface SelectionServices {
  rounds: RoundService;
  applications: ApplicationService;
  reviews: ReviewService;
  objections: ObjectionService;
  cases: CaseService;
  scores: ScoreService;
  declarations: ConflictDeclarationService;
}

/** The selections endpoints of the catalogue (packages/contracts/src/endpoints/selections.ts). */
export function registerSelectionRoutes(app: FastifyInstance, s: SelectionServices) {
  serveEndpoint(app, API.listSelectionRounds, async (q) => s.rounds.list(actorOf(q), q.query));
  serveListExport(app, API.exportSelectionRounds, roundExport(s.rounds));
  serveEndpoint(app, API.createSelectionRound, async (q) => s.rounds.create(actorOf(q), q.body));
  serveEndpoint(app, API.listSelectionExperts, async (q) => s.cases.experts(actorOf(q)));
  serveEndpoint(app, API.setSelectionExpertProfile, async (q) => s.cases.setExpertProfile(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.getSelectionRound, async (q) => s.rounds.get(actorOf(q), q.params.id));
  serveEndpoint(app, API.updateSelectionRound, async (q) => s.rounds.update(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.transitionSelectionRound, async (q) => s.rounds.transition(actorOf(q), q.params.id, q.body));

  serveEndpoint(app, API.listSelectionApplications, async (q) => s.applications.list(actorOf(q), q.params.id));
  serveEndpoint(app, API.applyToSelectionRound, async (q) => s.applications.apply(actorOf(q), q.params.id, q.body));
  serveEndpoint(app, API.getSelectionApplication, async (q) => s.applications.get(actorOf(q), q.params.id, q.params.applicationId));
  serveEndpoint(app, API.recommendSelectionApplication, async (q) =>
    s.applications.recommend(actorOf(q), q.params.id, q.params.applicationId, q.body),
  );

  serveEndpoint(app, API.assignSelectionExperts, async (q) =>
    s.reviews.assign(actorOf(q), q.params.id, q.params.applicationId, q.body.expertIds),
  );
  serveEndpoint(app, API.listSelectionAssignments, async (q) => s.reviews.assignments(actorOf(q), q.params.id, q.params.applicationId));
  serveEndpoint(app, API.unassignSelectionExpert, async (q) =>
    s.reviews.unassign(actorOf(q), q.params.id, q.params.applicationId, q.params.expertId),
  );
  serveEndpoint(app, API.scoreSelectionApplication, async (q) => s.scores.score(actorOf(q), q.params.id, q.params.applicationId, q.body));
  serveEndpoint(app, API.listSelectionScores, async (q) => s.scores.scores(actorOf(q), q.params.id, q.params.applicationId));
  serveEndpoint(app, API.reopenSelectionScore, async (q) =>
    s.scores.reopen(actorOf(q), q.params.id, q.params.applicationId, q.params.expertId, q.body),
  );
  serveEndpoint(app, API.listSelectionScoreHistory, async (q) => s.scores.history(actorOf(q), q.params.id, q.params.applicationId));
  serveEndpoint(app, API.declareSelectionConflict, async (q) =>
    s.declarations.declare(actorOf(q), q.params.id, q.params.applicationId, q.body),
  );
  serveEndpoint(app, API.listSelectionConflictDeclarations, async (q) => s.declarations.list(actorOf(q), q.params.id));

  serveEndpoint(app, API.objectToSelectionApplication, async (q) =>
    s.objections.object(actorOf(q), q.params.id, q.params.applicationId, q.body.content),
  );
  serveEndpoint(app, API.listSelectionObjections, async (q) => s.objections.objections(actorOf(q), q.params.id));
  serveEndpoint(app, API.resolveSelectionObjection, async (q) =>
    s.objections.resolveObjection(actorOf(q), q.params.id, q.params.objectionId, q.body),
  );

  serveEndpoint(app, API.saveSelectionCase, async (q) => s.cases.upsert(actorOf(q), q.params.id, q.params.applicationId, q.body));
  serveEndpoint(app, API.listPublishedCases, async (q) => {
    actorOf(q); // signed-in callers only (the access says so; this keeps the actor resolved)
    return s.cases.published();
  });
  serveEndpoint(app, API.getSelectionCase, async (q) => s.cases.get(actorOf(q), q.params.id));
}
