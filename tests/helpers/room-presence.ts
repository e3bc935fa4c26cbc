// A room's presence for building classroom views outside a room (tests and the views bench): an open room with the
// code ABCDEF, `team` devices at every seat, nothing locked, no deadline, the turns resolving by themselves.
import type { RoomPresence } from '../../src/present/classroom-screens.ts';

export function roomPresence(team: number, namesAt: RoomPresence['namesAt'] = () => []): RoomPresence {
  return {
    code: 'ABCDEF',
    devicesAt: () => team,
    lockedAt: () => false,
    devices: () => [],
    seatCodes: null,
    namesAt,
    deadlineAt: null,
    autoResolve: true,
  };
}
