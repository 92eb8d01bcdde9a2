import { requestActor, route, type Api } from '../../../platform/http/route';
import { commonResponses, json } from '../../../platform/http/openapi';
import { TeamView } from '../../../../domain/field/team.contract';
import { teamView } from './team.usecases';

export function registerTeamRoutes(api: Api) {
  route(api, {
    operationId: 'getFieldTeam', method: 'get', path: '/api/v1/field/team', access: 'field.lead', tags: ['Field'],
    summary: 'The team leader’s view of their own team: officers on patrol with their last known point, notices issued today by officer, each device’s sync backlog (stale ones flagged), the day’s figures',
    responses: { 200: json(TeamView, 'The view'), ...commonResponses },
  }, async (c) => c.json(await teamView(c.get('deps'), { leaderId: requestActor(c).userId }), 200));
}
