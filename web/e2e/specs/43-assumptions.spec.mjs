import { journey } from '../kit.mjs';
import { assumptionsJourney } from '../journeys/assumptions.mjs';

journey('assumptions: an admin stores a new version', (kit) => assumptionsJourney(kit));
