import { journey } from '../kit.mjs';
import { moveAndCancelJourney } from '../journeys/advisors.mjs';

journey('advisors: move and cancel', (kit) => moveAndCancelJourney(kit));
