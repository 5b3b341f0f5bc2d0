import { MeetingStatus } from '../src/meeting/meeting.enums';
import { currentKickoff } from '../src/placement/kickoff.rules';

describe("currentKickoff (a placement's kick-off among its kick-off meetings, newest first)", () => {
  const m = (id: string, status: MeetingStatus) => ({ id, status });
  it('is the newest that was not cancelled', () => {
    expect(currentKickoff([m('new', MeetingStatus.CANCELLED), m('held', MeetingStatus.HELD), m('old', MeetingStatus.NO_SHOW)])?.id).toBe(
      'held',
    );
    expect(currentKickoff([m('planned', MeetingStatus.PLANNED), m('held', MeetingStatus.HELD)])?.id).toBe('planned');
  });
  it('is the newest cancelled one when all were cancelled, and null when there is none', () => {
    expect(currentKickoff([m('a', MeetingStatus.CANCELLED), m('b', MeetingStatus.CANCELLED)])?.id).toBe('a');
    expect(currentKickoff([])).toBeNull();
  });
});
