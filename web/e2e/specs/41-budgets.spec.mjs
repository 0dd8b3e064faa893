import { journey } from '../kit.mjs';
import { budgetsJourney } from '../journeys/budgets.mjs';

journey('budgets', (kit) => budgetsJourney(kit));
