import { journey } from '../kit.mjs';
import { categoriserJourney } from '../journeys/categoriser.mjs';

journey('the categoriser that learns', (kit) => categoriserJourney(kit));
