// Every bound on a game record, in one place: the classroom server refuses what would pass them, and every reader
// (a save, `replay`, `report`, the replay page, a fork) accepts everything within them. So a record the server
// writes is always a record the tools read.

/** Commands in one record. A 10-turn class with every seat changing hands each turn is under 1,000. */
export const MAX_RECORD_ENTRIES = 20_000;
/**
 * UTF-8 bytes of a record's JSON text (a save, an export; so also its characters). A finished class game is about
 * 20 KB.
 */
export const MAX_RECORD_BYTES = 4_000_000;
/**
 * Bytes (and characters) a reader takes: a little more than a record may hold, for the checksum an export adds to a record
 * read without one. A writer never writes more than this (report.ts checks its own export).
 */
export const MAX_READ_BYTES = MAX_RECORD_BYTES + 1_000;
/** Characters of the record a what-if room is opened from (a fork). */
export const MAX_FORK_RECORD_CHARS = 2_000_000;
/** Decisions and withdrawals one seat may send in one turn; a change of mind is allowed, a flood is not. */
export const MAX_DECISION_CHANGES_PER_TURN = 20;
/**
 * Proposals one seat may make in one turn: a team weighs its options by proposing them, and each proposal is a
 * command in the record, so a team clicking back and forth cannot fill the record (30 proposals of 10 seats over 20
 * turns is about 600 KB).
 */
export const MAX_PROPOSALS_PER_TURN = 30;
/**
 * What a room keeps back for the facilitator: a seat's command is refused once the record is this close to its
 * bounds, so that the facilitator can still end the game and the computer's seats can still decide.
 */
export const SEAT_RESERVE_ENTRIES = 500;
export const SEAT_RESERVE_BYTES = 200_000;
/** What a room keeps back beyond the facilitator's commands, for the commands the game issues itself. */
export const FACILITATOR_RESERVE_ENTRIES = 250;
export const FACILITATOR_RESERVE_BYTES = 100_000;
/** A display name a device gives when it joins. */
export const MAX_NAME_CHARS = 40;
/** The reason a facilitator gives for overriding an indicator. */
export const MAX_REASON_CHARS = 500;
/** The reason a team may give with its decision: one or two sentences. */
export const MAX_DECISION_REASON_CHARS = 300;
/** A seat's statement (to the public or to named actors): a short text, like a press release's lead. */
export const MAX_STATEMENT_CHARS = 400;
/** A private message from one seat to others. */
export const MAX_MESSAGE_CHARS = 1_000;
/** Statements and messages together that one seat may send in one turn: talk is allowed, a flood is not. */
export const MAX_SAID_PER_TURN = 20;
/** Seats one statement or message may name as its addressees (more than any scenario has playable actors). */
export const MAX_ADDRESSEES = 20;
/** Agreements one seat may propose in one turn: a seat may try several deals, not flood another seat's screen. */
export const MAX_AGREEMENT_PROPOSALS_PER_TURN = 10;
/** Requests for a ruling one seat may file in one turn: the facilitator rules on each by hand. */
export const MAX_RULING_REQUESTS_PER_TURN = 3;
/** The act a seat asks the facilitator to rule on: one or two sentences. */
export const MAX_RULING_TEXT_CHARS = 300;
/** The seat's argument for the act it asks for. */
export const MAX_RULING_ARGUMENT_CHARS = 1_000;
