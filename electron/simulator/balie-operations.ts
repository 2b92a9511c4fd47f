/** The simulated operations about balies: which balies a staff member works at. */
import { ok, refuse, type OperationContext, type Reply } from './operation-core';


export function listBalies(context: OperationContext): Reply {
  const uid = context.params.get('uid');
  if (!uid) return refuse('MISSING_REQUIRED_FIELDS', 'uid is required');
  if (uid !== context.employeeUid || !context.state.employees.has(uid)) refuse('UNKNOWN_USER', 'unknown user');
  return ok({
    balies: {
      balie: [...context.state.balies.values()].map((balie) => ({
        id: balie.id,
        consumerKey: balie.consumerKey,
        name: balie.name,
        role: 'member',
        cardSystems: {
          cardSystem: Object.entries(balie.permissions).map(([id, permissions]) => ({
            id,
            name: context.state.cardSystems.get(id)?.name ?? '',
            permissions: { permission: [...permissions] },
            groups: '',
          })),
        },
      })),
    },
  });
}
