import { journey } from '../kit.mjs';
import { reviewJourney } from '../journeys/advisors.mjs';

journey('advisors: review', (kit) => reviewJourney(kit));
