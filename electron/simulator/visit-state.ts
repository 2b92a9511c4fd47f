/**
 * What the visit changes in the simulator's world: check-ins, ticket sales
 * (and their cancellation), cash-ins, points, coupon grants and the group
 * pass's tickets left. In memory only, like the rest of SimulatorState.
 */
import { isoDayInBrussels, shiftDays } from '../uitpas/visit-time';
import { seedGroupPass } from './seed';
import { seedCouponGrants, seedEvents, seedPoints, type SeedEvent } from './visit-seed';

export interface SimCheckin {
  id: string;
  uid: string;
  cdbid: string;
  at: Date;
  balieConsumerKey: string;
  points: number;
}

export interface SimSale {
  id: string;
  cdbid: string;
  uitpasNumber: string;
  /** The pass holder's uid, or `group:<number>` for a group pass: whose limits it counts against. */
  buyer: string;
  priceClass: string;
  price: string;
  tariff: string;
  couponId?: string;
  amountOfTickets: number;
  at: Date;
  balieConsumerKey: string;
  cancelled: boolean;
}

export interface SimCashIn {
  id: string;
  uid: string;
  kind: 'welcome' | 'points';
  promotionId: string;
  at: Date;
  balieConsumerKey: string;
}

export class VisitWorld {
  readonly checkins: SimCheckin[] = [];
  readonly sales: SimSale[] = [];
  readonly cashIns: SimCashIn[] = [];
  private readonly points = new Map<string, number>(Object.entries(seedPoints));
  /** Coupon ids per buyer (a pass holder's uid, or `group`). */
  readonly couponGrants = new Map<string, Set<string>>();
  groupTicketsLeft = seedGroupPass.availableTickets;
  private sequence = 17_100;

  /** The day the seed's relative days count from (Belgian time). */
  readonly seedDay: string;

  constructor(start: Date) {
    this.seedDay = isoDayInBrussels(start);
    for (const { holder, couponId } of seedCouponGrants) this.couponGrants.set(holder, new Set([...(this.couponGrants.get(holder) ?? []), couponId]));
  }

  day(inDays: number): string {
    return shiftDays(this.seedDay, inDays);
  }

  event(cdbid: string): SeedEvent | undefined {
    return seedEvents.find((event) => event.cdbid === cdbid);
  }

  pointsOf(uid: string): number {
    return this.points.get(uid) ?? 0;
  }

  addPoints(uid: string, delta: number): number {
    const total = Math.max(0, this.pointsOf(uid) + delta);
    this.points.set(uid, total);
    return total;
  }

  nextId(): string {
    this.sequence += 1;
    return String(this.sequence);
  }

  activeSales(): SimSale[] {
    return this.sales.filter((sale) => !sale.cancelled);
  }
}
