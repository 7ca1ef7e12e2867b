package demodata

import "strings"

var firstNames = []string{
	"Ana", "Maria", "Júlia", "Beatriz", "Letícia", "Camila", "Fernanda", "Patrícia", "Luíza", "Gabriela",
	"Larissa", "Mariana", "Aline", "Vitória", "Lúcia", "Cláudia", "Débora", "Sônia", "Márcia", "Tânia",
	"Bruna", "Isabela", "Lívia", "Raquel", "Simone", "Renata", "Tatiane", "Érica", "Giovana", "Helena",
	"Alícia", "Cecília", "Luana", "Natália", "Priscila", "Rosângela", "Vânia", "Yasmin", "Thaís", "Jéssica",
	"João", "José", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos",
	"Luís", "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Raimundo", "Rodrigo",
	"Sérgio", "Vinícius", "Matheus", "Thiago", "André", "Fábio", "Márcio", "Gustavo", "Caio", "Otávio",
	"Émerson", "Cauã", "Ângelo", "Rogério", "Flávio", "Júlio", "Nícolas", "Henrique", "Leandro", "Diego",
}

var surnames = []string{
	"Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
	"Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
	"Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
	"Cardoso", "Ramos", "Gonçalves", "Araújo", "Conceição", "Brandão", "Patrício", "Simões", "Magalhães", "Estêvão",
	"Sampaio", "Teixeira", "Correia", "Monteiro", "Moraes", "Assunção", "Galvão", "Romão", "Falcão", "Guimarães",
}

// agentNames are the first 40 agents; larger teams continue with generated names.
var agentNames = []string{
	"Ana Beatriz Souza", "Carlos Eduardo Lima", "Fernanda Gonçalves", "João Pedro Araújo", "Lúcia Helena Martins",
	"Rafael Conceição", "Patrícia Magalhães", "Thiago Simões", "Juliana Estêvão", "Marcos Vinícius Rocha",
	"Camila Brandão", "Sérgio Falcão", "Débora Nascimento", "André Luís Teixeira", "Tânia Cristina Dias",
	"Gustavo Henrique Alves", "Letícia Guimarães", "Émerson Ribeiro", "Priscila Assunção", "Otávio Sampaio",
	"Vânia Moreira", "Cauã Ferreira", "Isabela Romão", "Flávio Cardoso", "Natália Galvão",
	"Rogério Patrício", "Mariana Gomes", "Fábio Nunes", "Cecília Monteiro", "Vitor Hugo Mendes",
	"Aline Freitas", "Nícolas Barbosa", "Sônia Regina Lopes", "Diego Correia", "Thaís Andrade",
	"Leandro Moraes", "Giovana Pereira", "Júlio César Ramos", "Rosângela Vieira", "Henrique Machado",
}

type company struct{ name, slug string }

// companies are business customers: their contacts carry a CNPJ.
var companies = []company{
	{"Padaria Pão Dourado Ltda", "paodourado"},
	{"Mercadinho São José ME", "mercadinhosaojose"},
	{"Oficina Mecânica Irmãos Araújo", "irmaosaraujo"},
	{"Clínica Odontológica Sorriso", "clinicasorriso"},
	{"Escritório Contábil Magalhães", "contabilmagalhaes"},
	{"Farmácia Boa Saúde", "farmaciaboasaude"},
	{"Restaurante Sabor Mineiro", "sabormineiro"},
	{"Auto Peças Falcão", "autopecasfalcao"},
	{"Pet Shop Amigo Fiel", "amigofiel"},
	{"Construtora Alicerce Ltda", "construtoraalicerce"},
	{"Salão Beleza Pura", "belezapura"},
	{"Açougue e Mercearia Conceição", "merceariaconceicao"},
}

var emailProviders = []string{
	"gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com",
	"hotmail.com", "hotmail.com", "hotmail.com", "outlook.com", "outlook.com", "yahoo.com.br",
	"icloud.com", "uol.com.br", "bol.com.br", "terra.com.br", "globo.com",
}

// areaCodes are Brazilian DDDs, São Paulo's repeated because it dominates.
var areaCodes = []string{
	"11", "11", "11", "11", "11", "21", "21", "31", "41", "51", "61", "71", "81", "85",
	"19", "27", "48", "62", "92", "91", "84", "98", "67", "65", "13",
}

// fold lowercases and strips accents, for e-mail addresses and handles:
// seed 000's e-mail rule forbids accents.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'á', 'à', 'â', 'ã', 'ä':
			r = 'a'
		case 'é', 'ê', 'è':
			r = 'e'
		case 'í', 'î':
			r = 'i'
		case 'ó', 'ô', 'õ', 'ö':
			r = 'o'
		case 'ú', 'ü':
			r = 'u'
		case 'ç':
			r = 'c'
		case ' ':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	firstFolded   = foldAll(firstNames)
	surnameFolded = foldAll(surnames)
)

func foldAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fold(x)
	}
	return out
}
