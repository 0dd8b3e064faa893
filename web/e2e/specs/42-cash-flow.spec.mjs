import { journey } from '../kit.mjs';
import { cashFlowJourney } from '../journeys/budgets.mjs';

journey('cash flow', (kit) => cashFlowJourney(kit));
