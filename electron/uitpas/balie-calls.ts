/** The UiTPAS calls about balies: which balies a staff member works at. */
import type { UitpasCore } from './client-core';
import { parseBalie, type Balie } from './model';
import { child, list } from './xml';

export function balieCalls({ get }: UitpasCore) {
  return {
    listBalies: async (employeeUid: string): Promise<Balie[]> => {
      const response = child(await get('uitpas/balie/list', { uid: employeeUid }), 'response');
      return list(child(response, 'balies'), 'balie').map(parseBalie);
    },
  };
}
