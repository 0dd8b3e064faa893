import { journey } from '../kit.mjs';
import { recommendationsJourney } from '../journeys/recommendations.mjs';

journey('recommendations', (kit) => recommendationsJourney(kit));
