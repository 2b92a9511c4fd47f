/**
 * Made-up people for virtual cards. Every name, number and address here is
 * invented; the national numbers carry valid check digits so the app's rules
 * accept them, and belong to no one.
 */
export interface VirtualPerson {
  cardNumber: string;
  validityBegin: string;
  validityEnd: string;
  deliveryMunicipality: string;
  nationalNumber: string;
  surname: string;
  firstNames: string;
  thirdNameInitial: string;
  nationality: string;
  placeOfBirth: string;
  /** As the card writes it, in the issuing municipality's language. */
  birthDate: string;
  sexCode: 'M' | 'F' | 'V' | 'W';
  documentType: number;
  street: string;
  postalCode: string;
  municipality: string;
}

export const virtualPeople = {
  jonas: {
    cardNumber: '591043762159',
    validityBegin: '15.03.2021',
    validityEnd: '15.03.2031',
    deliveryMunicipality: 'Gent',
    nationalNumber: '85073003328',
    surname: 'Vermeulen',
    firstNames: 'Jonas Pieter',
    thirdNameInitial: 'M',
    nationality: 'Belg',
    placeOfBirth: 'Gent',
    birthDate: '30 JUL 1985',
    sexCode: 'M',
    documentType: 1,
    street: 'Kortrijksesteenweg 112',
    postalCode: '9000',
    municipality: 'Gent',
  },
  zoe: {
    cardNumber: '592011538435',
    validityBegin: '02.09.2019',
    validityEnd: '02.09.2029',
    deliveryMunicipality: 'Liège',
    nationalNumber: '92021514689',
    surname: 'Lambrecht',
    firstNames: 'Zoë Anaïs',
    thirdNameInitial: '',
    nationality: 'Belge',
    placeOfBirth: 'Liège',
    birthDate: '15 FEV 1992',
    sexCode: 'F',
    documentType: 1,
    street: 'Rue Saint-Gilles 45',
    postalCode: '4000',
    municipality: 'Liège',
  },
  lukas: {
    cardNumber: '593029871212',
    validityBegin: '20.06.2023',
    validityEnd: '20.06.2033',
    deliveryMunicipality: 'Eupen',
    nationalNumber: '05031208796',
    surname: 'Schmitz',
    firstNames: 'Lukas',
    thirdNameInitial: '',
    nationality: 'Belgier',
    placeOfBirth: 'Eupen',
    birthDate: '12.MÄR. 2005',
    sexCode: 'M',
    documentType: 1,
    street: 'Kirchstraße 7',
    postalCode: '4700',
    municipality: 'Eupen',
  },
  aylin: {
    cardNumber: '594002031884',
    validityBegin: '11.01.2022',
    validityEnd: '11.01.2032',
    deliveryMunicipality: 'Antwerpen',
    nationalNumber: '62000001229',
    surname: 'Kaya',
    firstNames: 'Aylin Derya',
    thirdNameInitial: 'S',
    nationality: 'Turkse',
    placeOfBirth: 'Ankara',
    birthDate: '        1962',
    sexCode: 'V',
    documentType: 1,
    street: 'Turnhoutsebaan 230 bus 3',
    postalCode: '2140',
    municipality: 'Antwerpen',
  },
} as const satisfies Record<string, VirtualPerson>;
