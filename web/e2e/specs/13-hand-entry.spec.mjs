import { journey } from '../kit.mjs';
import { handEntryJourneys } from '../journeys/hand-entry.mjs';

journey('hand entry', (kit) => handEntryJourneys(kit));
