import { journey } from '../kit.mjs';
import { goalsJourney } from '../journeys/goals.mjs';

journey('goals', (kit) => goalsJourney(kit));
