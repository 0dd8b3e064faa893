import { journey } from '../kit.mjs';
import { instrumentsJourney } from '../journeys/instruments.mjs';

journey('instruments', (kit) => instrumentsJourney(kit));
