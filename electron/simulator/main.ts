/** `npm run simulator`: the UiTPAS simulator alone, on 127.0.0.1, with what a demo user needs printed. */
import { cardNumber, chipNumberOf, seedGroupPass, seedPassholder } from './seed';
import { startSimulator } from './server';
import { demoNativeClientId } from './uitid-v2';

void startSimulator({ port: Number(process.env.SIMULATOR_PORT ?? 8787) }).then((simulator) => {
  const { state } = simulator;
  const lines = [
    `UiTPAS-simulator: ${simulator.prefix}`,
    `Consumer key: ${simulator.consumer.key}   secret: ${simulator.consumer.secret}   (alleen voor deze simulator, nieuw bij elke start)`,
    '',
  ];
  for (const balie of state.balies.values()) {
    lines.push(`Balie "${balie.name}" (consumerKey ${balie.consumerKey})`);
    for (const [systemId, permissions] of Object.entries(balie.permissions)) {
      lines.push(`  ${state.cardSystems.get(systemId)?.name ?? systemId}: ${permissions.join(', ')}`);
    }
    const stock = state.stockOf(balie.consumerKey);
    lines.push(`  Kaarten in voorraad: ${stock.filter((card) => !card.kansenpas).map((card) => card.uitpasNumber).join(' ')}`);
    const kansenpassen = stock.filter((card) => card.kansenpas).map((card) => card.uitpasNumber);
    if (kansenpassen.length) lines.push(`  Kansenpassen in voorraad: ${kansenpassen.join(' ')}`);
  }
  lines.push('', `Vouchers: ${[...state.vouchers.values()].filter((voucher) => !voucher.used).map((voucher) => voucher.number).join(' ')}`);
  lines.push(`Bestaande pashouder: ${seedPassholder.firstName} ${seedPassholder.name}, rijksregisternummer ${seedPassholder.inszNumber}`);
  // Chip numbers (the cards' UIDs) to type or scan where a UiTPAS card would be tapped.
  const chip = (number: string) => `${number} (chip ${chipNumberOf(number)})`;
  lines.push(`  zijn kaart: ${chip(cardNumber('09000', seedPassholder.cardSequence, false))}`);
  lines.push(`Groepspas "${seedGroupPass.name}": ${chip(cardNumber('09000', seedGroupPass.cardSequence, true))}`);
  lines.push(`Geblokkeerd: ${chip(cardNumber('09000', 901, false))}   verwijderd: ${chip(cardNumber('09000', 903, false))}`);
  // The visit (issue 24): who can save points, buy at kansentarief, with a coupon, cash advantages.
  lines.push(`Bezoek: kansenpas met kansentarief en ${state.visit.pointsOf('pashouder-demo-0002')} punten ${chip(cardNumber('09000', 520, true))}; bon "Cultuurbon" op de kaart van ${seedPassholder.firstName} ${seedPassholder.name}`);
  lines.push(`  Activiteiten aan "${state.balies.get('balie-gent-centrum')?.name ?? ''}" vandaag en de komende dagen, een permanente (1 keer per week punten sparen)`);
  lines.push(`UiTiD v2 (nagebootst): issuer ${simulator.issuer}, client id ${demoNativeClientId}, daarna ${simulator.prefix}/authapi/auth0at`);
  lines.push('', 'Stoppen: Ctrl+C');
  console.log(lines.join('\n'));
  process.once('SIGINT', () => void simulator.close().then(() => process.exit(0)));
});
