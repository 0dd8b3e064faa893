import { journey } from '../kit.mjs';
import { ordersJourney } from '../journeys/orders.mjs';

journey('orders', (kit) => ordersJourney(kit));
