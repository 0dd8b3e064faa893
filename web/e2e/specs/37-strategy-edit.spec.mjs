import { journey } from '../kit.mjs';
import { strategyEditJourney } from '../journeys/strategyEdit.mjs';

journey('strategies: edit a published strategy', (kit) => strategyEditJourney(kit));
